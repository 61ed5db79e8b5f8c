import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
} from "./chunk-ISNWOD7V.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-WV5H3PDZ.js";
import "./chunk-JQNKFLQW.js";
import "./chunk-T7FIEW6Q.js";
import "./chunk-MEH5RECA.js";
import "./chunk-SFQXZAG2.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-RULH35XA.js";
import "./chunk-YECIF7MY.js";
import "./chunk-HMAY3IZG.js";
import "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-362AWBFG.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
};
