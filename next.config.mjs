/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["kafkajs", "pino", "socket.io"],
  // Pages declare app/icon.svg; tools and old browsers still ask for /favicon.ico, so it gets the same icon, not a 404.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
};

export default nextConfig;
