import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  builtinPolicies
} from "./chunk-FNJLMFKU.js";
import "./chunk-L44IV7TJ.js";
import "./chunk-22JQICQG.js";
import "./chunk-XGP3YI6V.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  builtinPolicies
};
