import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { collectFiles } from '../files.js';
import type { EngineOptions, SourceFile, AnyPolicy } from '../engine/index.js';
import { joinParts } from '../engine/parallel.js';
import { renderStep, type RenderStep } from './render.js';
import {
  formatCompact,
  formatJson,
  formatText,
  githubReportWriter,
  nothingChecked,
  nothingCheckedWarning,
  sarifChunks,
  summarize,
  summaryLine,
  type RunSummary,
} from '../report/index.js';
import type { PolicyRecipe } from '../settings/policy-recipe.js';
import type { Command } from './args.js';
import { EXIT, failsAt, printCollectErrors, useColour, type CliIO } from './io.js';
import { cliSettings, engineForRun, exemptionModeLine, runScan, runScanInParts } from './settings.js';

/**
 * `kube-immutable scan`: collect files, run the built-in policies, write the report (stdout or
 * `--output`); with `--resolve-digests`, image digests are looked up first. Resolves to the exit code: 2 when a path could not be read or the output could not be
 * written (the readable files are still scanned and reported), or when no Kubernetes manifest
 * was checked at all (no file matched, or every file was skipped or held no Kubernetes object:
 * a CI job must not pass without checking anything) unless `--allow-empty`; else 1 when a
 * finding is at or above the fail level, else 0. A run that checked nothing says so on stderr
 * and in the report (see `nothingChecked`), with `--allow-empty` too.
 */
export async function scanCommand(cmd: Extract<Command, { kind: 'scan' }>, io: CliIO, toolVersion: string): Promise<number> {
  const settings = await cliSettings(cmd, io);
  const collected = collectFiles(cmd.paths, { include: settings.include, exclude: settings.exclude, cwd: io.cwd });
  const errors = collected.errors;
  printCollectErrors(errors, io);
  const engine = await engineForRun(cmd, settings.engine, collected.files, io);
  const { files, join: rendered, sources } = await renderStep(cmd, collected.files, settings.exclude, settings.policies, engine, io, settings.helmCharts);
  if (cmd.format === 'github') {
    const scanned = await githubScan(cmd, files, settings.policies, settings.recipe, engine, io, rendered);
    if (scanned === undefined) return EXIT.usage;
    const allowed = emptyRunAllowed(cmd, scanned.summary, io);
    if (errors.length > 0 || !settings.ok || !allowed) return EXIT.usage;
    return scanned.failing ? EXIT.findings : EXIT.ok;
  }
  const plain = await runScan(cmd, files, settings.policies, settings.recipe, engine, io);
  const result = rendered ? joinParts([rendered.plain(plain), rendered.rest()]) : plain;
  // Say which exemption mode applied whenever an annotation exemption was honoured under base-only.
  if (
    !cmd.verbose &&
    cmd.base === undefined &&
    engine.exemptionGovernance?.annotations === 'base-only' &&
    result.findings.some((f) => f.suppressed?.kind === 'inSource')
  ) {
    io.stderr(`kube-immutable: ${exemptionModeLine(engine)}\n`);
  }
  // SARIF is written in pieces as they are made (its text can be tens of MB); the others whole.
  let report: Iterable<string>;
  switch (cmd.format) {
    case 'json':
      // Every file read (patches too: a rendered result's patch fix has its diff), and the values files the renders' fixes edit.
      report = [formatJson(result, [...collected.files, ...sources], { toolVersion })];
      break;
    case 'sarif':
      report = batched(sarifChunks(result, settings.policies, { toolVersion }));
      break;
    case 'text':
      report = [
        formatText(result, [...files, ...sources], {
          color: useColour(cmd, io, cmd.output === undefined && io.isTTY),
          verbose: cmd.verbose,
          patches: cmd.patches,
        }),
      ];
      break;
    case 'compact':
      report = [formatCompact(result, { color: useColour(cmd, io, cmd.output === undefined && io.isTTY), verbose: cmd.verbose })];
  }
  if (cmd.output !== undefined) {
    try {
      const fd = openSync(resolve(io.cwd, cmd.output), 'w');
      try {
        for (const piece of report) writeSync(fd, piece);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      io.stderr(`kube-immutable: cannot write ${cmd.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return EXIT.usage;
    }
    io.stdout(`wrote ${cmd.output}: ${summaryLine(summarize(result))}\n`);
  } else for (const piece of report) io.stdout(piece);
  const allowed = emptyRunAllowed(cmd, summarize(result), io);
  if (errors.length > 0 || !settings.ok || !allowed) return EXIT.usage;
  return failsAt(result.findings, cmd.failLevel) ? EXIT.findings : EXIT.ok;
}

/** Pieces of text joined into pieces of about 1 MiB (fewer writes). */
function* batched(pieces: Iterable<string>): Generator<string> {
  let buffer: string[] = [];
  let size = 0;
  for (const p of pieces) {
    buffer.push(p);
    size += p.length;
    if (size >= 1 << 20) {
      yield buffer.join('');
      buffer = [];
      size = 0;
    }
  }
  if (buffer.length > 0) yield buffer.join('');
}

/**
 * When the run checked nothing, warn on stderr and return whether that is allowed
 * (`--allow-empty`); otherwise true.
 */
function emptyRunAllowed(cmd: Extract<Command, { kind: 'scan' }>, summary: RunSummary, io: CliIO): boolean {
  if (!nothingChecked(summary)) return true;
  io.stderr(`kube-immutable: warning: ${nothingCheckedWarning(summary)}${cmd.allowEmpty ? '' : ' (exit status 2; --allow-empty accepts this)'}\n`);
  return cmd.allowEmpty;
}

/**
 * The `github` report written as the scan goes (one part of the result at a time: the scan
 * keeps no finding once written), to `--output` or stdout; the text equals formatGithub of the
 * whole result. Resolves to whether a finding is at or above the fail level and the run's
 * summary, or undefined when the output cannot be written (said on stderr; the scan still runs
 * to the end).
 */
async function githubScan(
  cmd: Extract<Command, { kind: 'scan' }>,
  files: readonly SourceFile[],
  policies: readonly AnyPolicy[],
  recipe: PolicyRecipe,
  engine: EngineOptions,
  io: CliIO,
  rendered: RenderStep['join'],
): Promise<{ failing: boolean; summary: RunSummary } | undefined> {
  const writer = githubReportWriter();
  let failing = false;
  let fd: number | undefined;
  let writeError: string | undefined;
  if (cmd.output !== undefined) {
    try {
      fd = openSync(resolve(io.cwd, cmd.output), 'w');
    } catch (err) {
      writeError = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    }
  }
  const emit = (text: string) => {
    if (text === '' || writeError !== undefined) return;
    if (fd === undefined) return io.stdout(text);
    try {
      writeSync(fd, text);
    } catch (err) {
      writeError = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    }
  };
  try {
    await runScanInParts(cmd, files, policies, recipe, engine, io, (part) => {
      const kept = rendered ? rendered.plain(part) : part;
      if (!failing && failsAt(kept.findings, cmd.failLevel)) failing = true;
      emit(writer.add(kept));
    });
    if (rendered) {
      const rest = rendered.rest();
      if (!failing && failsAt(rest.findings, cmd.failLevel)) failing = true;
      emit(writer.add(rest));
    }
    emit(writer.finish());
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (writeError !== undefined) {
    io.stderr(`kube-immutable: cannot write ${cmd.output}: ${writeError}\n`);
    return undefined;
  }
  if (cmd.output !== undefined) io.stdout(`wrote ${cmd.output}: ${summaryLine(writer.summary)}\n`);
  return { failing, summary: writer.summary };
}
