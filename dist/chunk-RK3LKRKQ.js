import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  MAX_HEAD_BYTES,
  MAX_HEAD_FILES,
  commitObjects,
  materialiseRenderTree
} from "./chunk-JW4GEXNL.js";
import "./chunk-Q3QGX5ZW.js";
import "./chunk-SFQXZAG2.js";
import "./chunk-MIOZ4UIP.js";
import "./chunk-FXPX5SSY.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-7MOTDLS3.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  MAX_HEAD_BYTES,
  MAX_HEAD_FILES,
  commitObjects,
  materialiseRenderTree
};
