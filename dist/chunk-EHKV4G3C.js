import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
} from "./chunk-ZVNXUUVW.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-W3BHX62H.js";
import "./chunk-PJBIBUBD.js";
import "./chunk-7Z6QQ3EE.js";
import "./chunk-3YRHAZUN.js";
import "./chunk-MEH5RECA.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-YLDTHILD.js";
import "./chunk-RZVKE7Q3.js";
import "./chunk-LFOF6NNR.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-QB2AKFZH.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
};
