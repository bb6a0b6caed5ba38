// social-reach/testing: helpers for users' own tests.
export {
  createFakePlatformServer,
  DOCUMENTED_LIMITS,
  FAKE_PLATFORMS,
  type FakeAccount,
  type FakeAccountState,
  type FakeAccountsOptions,
  type FakeFault,
  type FakeInjectOptions,
  type FakeLimit,
  type FakePlatform,
  type FakePlatformServer,
  type FakePlatformStats,
  type FakeRequest,
  type FakeServerOptions,
  fakeAccounts,
} from './fake-server/index.js';
export {
  type MockCall,
  type MockFailure,
  type MockProvider,
  type MockProviderOptions,
  type MockValue,
  mockProvider,
} from './mock-provider.js';
