import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  MAX_HEAD_BYTES,
  MAX_HEAD_FILES,
  commitObjects,
  materialiseRenderTree
} from "./chunk-ICH5OH7E.js";
import "./chunk-Q3QGX5ZW.js";
import "./chunk-SFQXZAG2.js";
import "./chunk-5MZ7BV23.js";
import "./chunk-UH6I2W3D.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-362AWBFG.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  MAX_HEAD_BYTES,
  MAX_HEAD_FILES,
  commitObjects,
  materialiseRenderTree
};
