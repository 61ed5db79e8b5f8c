import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
} from "./chunk-X6655NWW.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-SQTSSAQC.js";
import "./chunk-K5K7Z44W.js";
import "./chunk-SAXN4LOG.js";
import "./chunk-MEH5RECA.js";
import "./chunk-W3BHX62H.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-3KATX7RG.js";
import "./chunk-U7ANFDVO.js";
import "./chunk-Q2IMW2MT.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-7MOTDLS3.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
};
