import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-JM5SQ33O.js";
import "./chunk-JY5DQUYR.js";
import "./chunk-TMAU2GVV.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  IMAGE_DIGEST_POLICY_ID,
  resolveImageDigests,
  unpinnedImages
};
