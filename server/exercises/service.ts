import type { ExerciseDetail, ExerciseList, Solution, Submission, Verdict } from "@/lib/contract/exercises";

/**
 * What the exercise routes ask of the server: the book, a run of a learner's processor beside the
 * reference on the exercise's committed input, and its verdict. Unknown ids are a 404 (RequestError).
 */
export interface ExerciseService {
  list(): ExerciseList;
  detail(id: string): Promise<ExerciseDetail>;
  solution(id: string): Solution;
  /** Compile the code and start the run; a compile error is a finished verdict with its line. */
  submit(id: string, submission: Required<Submission>): Promise<Verdict>;
  verdict(runId: string): Verdict;
  /** Stop every run in progress and remove what it made. */
  shutdown(): Promise<void>;
}
