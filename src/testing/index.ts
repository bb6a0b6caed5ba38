// social-reach/testing: helpers for users' own tests.
export {
  type MockCall,
  type MockFailure,
  type MockProvider,
  type MockProviderOptions,
  type MockValue,
  mockProvider,
} from './mock-provider.js';
