/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["kafkajs", "pino", "socket.io"],
};

export default nextConfig;
