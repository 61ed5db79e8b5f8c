import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  joinParts,
  runFilesInParts
} from "./chunk-XW5P5QXU.js";
import "./chunk-4TU67UMF.js";
import "./chunk-SCSQVYNF.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-7MOTDLS3.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  joinParts,
  runFilesInParts
};
