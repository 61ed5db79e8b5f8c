import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  joinParts,
  runFilesInParts
} from "./chunk-ADUH42BM.js";
import "./chunk-P4MGIWSM.js";
import "./chunk-Q2IMW2MT.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-UQZTLBKW.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  joinParts,
  runFilesInParts
};
