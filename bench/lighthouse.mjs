// Lighthouse for the benchmark: one Debian Chromium started by chrome-launcher with the flags this
// machine needs and a fresh profile, then one Lighthouse navigation per call, with Lighthouse's
// defaults for what the budgets are stated in: mobile form factor and screen, simulated throttling
// (Lantern: a slow-4G network and a 4× CPU slowdown applied to the trace). Lighthouse clears the
// origin's cache and storage before each navigation, so every run is a first visit.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, FLAGS } from '../e2e/support/browser.mjs';

const AUDITS = [
  'first-contentful-paint', 'largest-contentful-paint', 'cumulative-layout-shift',
  'total-blocking-time', 'total-byte-weight',
];
// Not 'largest-contentful-paint-element': Lighthouse 12.2's TraceElements gatherer fails on
// Chromium 156's traces (its RootCauses dependency reads a `frame_sequence` that is not there);
// the metrics above come from other trace events and are unaffected.

/** Starts the browser; returns { run(url), close() }. */
export async function startLighthouse() {
  const profile = mkdtempSync(join(tmpdir(), 'dealdiff-bench-lh-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    userDataDir: profile,
    chromeFlags: ['--headless', ...FLAGS],
    logLevel: 'error',
  });
  // chrome-launcher starts Chromium in a process group of its own and stops it on SIGINT only:
  // stop it too when the bench fails or is terminated, so no browser outlives the run.
  const cleanUp = () => {
    chromeLauncher.killAll();
    rmSync(profile, { recursive: true, force: true });
  };
  const onTerm = () => process.exit(143);
  process.once('exit', cleanUp);
  process.once('SIGTERM', onTerm);
  return {
    /** One Lighthouse navigation of `url`: { fcp, lcp, cls, tbt, bytes, settings }. */
    async run(url) {
      const { lhr } = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        onlyAudits: AUDITS,
        disableFullPageScreenshot: true,
      });
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const a = lhr.audits;
      const value = (id) => {
        if (a[id]?.numericValue == null) throw new Error(`Lighthouse on ${url}: no ${id} (${a[id]?.errorMessage ?? 'not computed'})`);
        return a[id].numericValue;
      };
      return {
        fcp: value('first-contentful-paint'),
        lcp: value('largest-contentful-paint'),
        cls: value('cumulative-layout-shift'),
        tbt: value('total-blocking-time'),
        bytes: value('total-byte-weight'),
        settings: {
          version: lhr.lighthouseVersion,
          formFactor: lhr.configSettings.formFactor,
          throttling: lhr.configSettings.throttlingMethod,
          warnings: lhr.runWarnings,
        },
      };
    },
    async close() {
      process.off('exit', cleanUp);
      process.off('SIGTERM', onTerm);
      await chrome.kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
