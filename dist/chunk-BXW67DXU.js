import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  builtinPolicies
} from "./chunk-BLZBXJZ5.js";
import "./chunk-TD7DL4WF.js";
import "./chunk-H6EUGKT7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  builtinPolicies
};
