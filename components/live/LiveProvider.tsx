import type { ReactNode } from "react";
import { BrokerProvider } from "./BrokerProvider";
import { LessonProvider } from "./LessonProvider";
import { PipelineProvider } from "./PipelineProvider";
import { SocketProvider } from "./SocketProvider";

/**
 * The live providers every page shares, one per concern; components read the focused hooks
 * (useSocket, useConnection, useBroker, usePipeline, usePipelineActions, useRecord, useLessonSnapshot).
 * Lesson progress sits here too because actions on any page count towards it.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  return (
    <SocketProvider>
      <BrokerProvider>
        <PipelineProvider>
          <LessonProvider>{children}</LessonProvider>
        </PipelineProvider>
      </BrokerProvider>
    </SocketProvider>
  );
}
