import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
} from "./chunk-QRUNJ76Y.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-NANHJDJB.js";
import "./chunk-FDLT4CX3.js";
import "./chunk-LYE55XUZ.js";
import "./chunk-MEH5RECA.js";
import "./chunk-SFQXZAG2.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-GBQPUQWT.js";
import "./chunk-BWIBLJZ3.js";
import "./chunk-HMAY3IZG.js";
import "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-P3YRBRJ7.js";
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
