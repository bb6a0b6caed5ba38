// The public surface of social-reach. Only named re-exports live here.

export {
  CountError,
  HandleError,
  OptionError,
  RegistryError,
  SocialReachError,
  type SocialReachErrorCode,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
export {
  addCounts,
  approximateCount,
  atLeastCount,
  atMostCount,
  Count,
  type CountChange,
  type CountPrecision,
  countPrecision,
  exactCount,
  roundedDownCount,
  subtractCounts,
} from './model/count.js';
export {
  type Bilingual,
  BUILT_IN_PLATFORM_IDS,
  type BuiltInPlatformId,
  type CustomPlatformOptions,
  definePlatform,
  identityKey,
  isBuiltInPlatform,
  normalizeHandle,
  PLATFORMS,
  type PlatformDefinition,
  type PlatformId,
  type PlatformStatus,
} from './model/platform.js';
