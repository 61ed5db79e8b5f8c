import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
} from "./chunk-75ZOX4N5.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-4FQ7JLVS.js";
import "./chunk-LGXZDRMU.js";
import "./chunk-2D7CIAC6.js";
import "./chunk-MEH5RECA.js";
import "./chunk-W3BHX62H.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-K3HBF3LX.js";
import "./chunk-P4MGIWSM.js";
import "./chunk-Q2IMW2MT.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-UQZTLBKW.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
};
