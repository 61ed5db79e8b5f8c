import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  channelPlanner,
  publish,
  summaryWritable,
  writeOutputFiles
} from "./chunk-VC2WKJNE.js";
import "./chunk-P2WBUBEO.js";
import "./chunk-MVBQHWC2.js";
import "./chunk-B2I3NA7W.js";
import "./chunk-IUHJ4AYE.js";
import "./chunk-MEH5RECA.js";
import "./chunk-SFQXZAG2.js";
import "./chunk-XEPHYLKO.js";
import "./chunk-IUBWPHFZ.js";
import "./chunk-AUGRWWU6.js";
import "./chunk-4TU67UMF.js";
import "./chunk-SCSQVYNF.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-7MOTDLS3.js";
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
