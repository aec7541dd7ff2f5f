import { ROUTES } from "@/lib/contract/routes";
import { answerUpload } from "@/server/http/upload";

/** Upload a CSV (with a header) or JSON-lines file, at most 20 MB: 201 with its columns, 413 / 415 / 400 saying why not. */
export const POST = answerUpload(ROUTES.datasetUpload, (rt, { bytes, contentType, name }) => rt.datasets.upload(bytes, contentType, name));
