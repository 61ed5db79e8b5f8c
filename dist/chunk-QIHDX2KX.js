import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  accessForRun,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-4WIPFSOH.js";
import "./chunk-W5AYN72Z.js";
import "./chunk-J3DWAP6P.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  IMAGE_DIGEST_POLICY_ID,
  accessForRun,
  resolveImageDigests,
  unpinnedImages
};
