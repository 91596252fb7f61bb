// ESM + swc (STACK.md trap 1): Nest 12 and its deps are ESM-only, so jest runs with
// --experimental-vm-modules. content-disposition is held at 2.x (CommonJS, Node 20) by package.json
// overrides, so swagger's @fastify/static loads under jest without transforming node_modules.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'es6' },
}];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.(t|j)s$': swc },
  // package.json `imports` aliases point at dist/ for node; tests run the sources.
  moduleNameMapper: {
    '^#api/(.*)\\.js$': '<rootDir>/apps/api/src/$1',
    '^#worker/(.*)\\.js$': '<rootDir>/apps/worker/src/$1',
    '^#all-in-one/(.*)\\.js$': '<rootDir>/apps/all-in-one/$1',
    '^#(config|database|domain|queue|testing)/(.*)\\.js$': '<rootDir>/libs/$1/$2',
    '^#migrations/(.*)\\.js$': '<rootDir>/migrations/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

export default {
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testTimeout: 30000 },
  ],
};
