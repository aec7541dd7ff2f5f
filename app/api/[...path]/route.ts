import { errorJson } from "@/server/http/respond";

const notFound = (req: Request) =>
  errorJson(
    404,
    `no API route ${req.method} ${new URL(req.url).pathname}; the routes are listed in docs/api.md (GET /api/pipeline, POST /api/pipeline/start, …)`,
  );

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
