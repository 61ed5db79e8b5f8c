import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  accessForRun,
  containerImages,
  inspectImages,
  registryEnvironment
} from "./chunk-IARIDSZY.js";
import "./chunk-GBQPUQWT.js";
import "./chunk-BWIBLJZ3.js";
import "./chunk-HMAY3IZG.js";
import "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-P3YRBRJ7.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";

// src/inspect-images.ts
async function inspectManifestImages(files, env, opts = {}) {
  const registryEnv = registryEnvironment(env);
  const access = opts.access ?? accessForRun(opts.registries, env, opts.setting ?? "the registries setting");
  const { registries: _registries, setting: _setting, maxFileSizeBytes, ...clientOpts } = opts;
  const images = containerImages(files, maxFileSizeBytes);
  const results = images.length === 0 ? /* @__PURE__ */ new Map() : await inspectImages(images, { credentials: registryEnv.credentials, ...clientOpts, access });
  return { results, problems: registryEnv.problems };
}
async function inspectImageConfigs(files, engine, env, opts = {}) {
  const { results, problems } = await inspectManifestImages(files, env, { maxFileSizeBytes: engine.maxFileSizeBytes, ...opts });
  const configs = /* @__PURE__ */ new Map();
  const configErrors = /* @__PURE__ */ new Map();
  const failures = [...problems];
  for (const [image, r] of results) {
    if ("error" in r) {
      configErrors.set(image, r.error);
      failures.push(`cannot read the image config of ${image}: ${r.error}`);
      continue;
    }
    configs.set(image, { volumes: r.volumes, user: r.user, workingDir: r.workingDir, env: r.env, labels: r.labels, configDigest: r.configDigest });
  }
  return { engine: { ...engine, images: { ...engine.images, configs, configErrors } }, inspected: configs.size, failures };
}
export {
  inspectImageConfigs,
  inspectManifestImages
};
