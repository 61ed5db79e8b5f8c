import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  MAX_HEAD_BYTES,
  MAX_HEAD_FILES,
  commitObjects,
  materialiseRenderTree
} from "./chunk-CO446TKN.js";
import "./chunk-Q3QGX5ZW.js";
import "./chunk-SFQXZAG2.js";
import "./chunk-FHELKB6D.js";
import "./chunk-UH6I2W3D.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-P3YRBRJ7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  MAX_HEAD_BYTES,
  MAX_HEAD_FILES,
  commitObjects,
  materialiseRenderTree
};
