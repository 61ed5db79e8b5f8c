import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  joinParts,
  runFilesInParts
} from "./chunk-7453TQ7Y.js";
import "./chunk-U7ANFDVO.js";
import "./chunk-Q2IMW2MT.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-7MOTDLS3.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  joinParts,
  runFilesInParts
};
