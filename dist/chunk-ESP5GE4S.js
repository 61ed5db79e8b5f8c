import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  builtinPolicies
} from "./chunk-TOOSSUWT.js";
import "./chunk-JY5DQUYR.js";
import "./chunk-TMAU2GVV.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  builtinPolicies
};
