import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-XZBL3I5Z.js";
import "./chunk-TD7DL4WF.js";
import "./chunk-H6EUGKT7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  IMAGE_DIGEST_POLICY_ID,
  resolveImageDigests,
  unpinnedImages
};
