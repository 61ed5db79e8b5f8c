import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
} from "./chunk-O4XF36IL.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-W3BHX62H.js";
import "./chunk-3UFH24HH.js";
import "./chunk-LFESZXDR.js";
import "./chunk-VQP22EEQ.js";
import "./chunk-MEH5RECA.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-DCIAC5TJ.js";
import "./chunk-UCSS3A4U.js";
import "./chunk-TUZBA4WE.js";
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
