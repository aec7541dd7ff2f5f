/**
 * The broker launcher's one read of the environment: where java (JAVA_HOME, PATH) and mvn are
 * found, and what the JVM and Maven run with. Unlike the lab's settings (server/config.ts) it is
 * passed on whole; the launcher's functions take an `env` instead, which tests set.
 */
export const hostEnv = (): NodeJS.ProcessEnv => process.env;
