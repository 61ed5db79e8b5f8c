import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
} from "./chunk-5I7CDMNR.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-CPU7AWZE.js";
import "./chunk-OQ5WWXAH.js";
import "./chunk-VKBJFH7F.js";
import "./chunk-MEH5RECA.js";
import "./chunk-SFQXZAG2.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-EXC6LQJJ.js";
import "./chunk-AXFGQRYF.js";
import "./chunk-ZK3R4QH3.js";
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
