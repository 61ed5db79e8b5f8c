import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
} from "./chunk-INOUSEW5.js";
import "./chunk-GJYNKMZQ.js";
import "./chunk-ZCWAFV7P.js";
import "./chunk-NYOUKTPE.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-W3BHX62H.js";
import "./chunk-MEH5RECA.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-QDVYGYTL.js";
import "./chunk-HXRPISSS.js";
import "./chunk-JLXEV5RD.js";
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
