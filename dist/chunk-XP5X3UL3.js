import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  builtinPolicies
} from "./chunk-4PKMZ7HI.js";
import "./chunk-GDJ4UAF2.js";
import "./chunk-XGP3YI6V.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  builtinPolicies
};
