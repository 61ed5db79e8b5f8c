import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  builtinPolicies
} from "./chunk-O3JEG4TH.js";
import "./chunk-L44IV7TJ.js";
import "./chunk-XGP3YI6V.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  builtinPolicies
};
