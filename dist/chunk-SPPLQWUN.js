import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  accessForRun,
  containerImages,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-ZC7SVGDO.js";
import "./chunk-EXC6LQJJ.js";
import "./chunk-AXFGQRYF.js";
import "./chunk-ZK3R4QH3.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-362AWBFG.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  IMAGE_DIGEST_POLICY_ID,
  accessForRun,
  containerImages,
  resolveImageDigests,
  unpinnedImages
};
