import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  diskFiles,
  loadRunSettings
} from "./chunk-6FVHYXQJ.js";
import "./chunk-W3BHX62H.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  diskFiles,
  loadRunSettings
};
