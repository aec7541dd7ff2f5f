// ESLint: Next.js's rules (React, hooks, Core Web Vitals) and typescript-eslint's recommended ones,
// over the whole tree. `npm run lint`; `npm test` runs it before the suites.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".lab/**", "node_modules/**", "test-results/**", "next-env.d.ts"],
  },
  {
    // A leading underscore marks a value left out on purpose (e.g. a property dropped by destructuring).
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }] },
  },
];

export default config;
