import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  joinParts,
  runFilesInParts
} from "./chunk-HLCET6Z2.js";
import "./chunk-AXFGQRYF.js";
import "./chunk-ZK3R4QH3.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-362AWBFG.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  joinParts,
  runFilesInParts
};
