/**
 * Payload 3 is ESM-only, so jest runs in native-ESM mode (`--experimental-vm-modules`, set by
 * scripts/test.mjs) with @swc/jest compiling TypeScript. Four tiers, one config each.
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
      module: { type: 'es6' },
    },
  ],
}

const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform,
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    // Before the alias: a component's CSS module is a stub wherever it is imported from.
    '\\.module\\.css$': '<rootDir>/tests/css-module-stub.ts',
    '^@/(.*)$': '<rootDir>/$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/\\.next'],
}

export default {
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/tests/int/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'http',
      testMatch: ['<rootDir>/tests/http/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/http/setup-fetch.ts'],
      globalSetup: '<rootDir>/tests/http/global-setup.ts',
      globalTeardown: '<rootDir>/tests/http/global-teardown.ts',
    },
    {
      // Real-browser tests (Debian Chromium via playwright-core) against the same server: jest runs
      // a global setup module once per run however many projects name it, so one build serves both.
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
      setupFiles: ['<rootDir>/tests/http/setup-fetch.ts'],
      globalSetup: '<rootDir>/tests/http/global-setup.ts',
      globalTeardown: '<rootDir>/tests/http/global-teardown.ts',
    },
  ],
}
