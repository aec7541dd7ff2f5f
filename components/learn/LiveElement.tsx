import type { LessonTarget } from "@/lib/lessons";
import { AggregateView } from "@/components/aggregate/AggregateView";
import { BrokerCard } from "@/components/broker/BrokerCard";
import { ClusterPanel } from "@/components/cluster/ClusterPanel";
import { ExperimentById } from "@/components/experiments/Experiments";
import { JoinView } from "@/components/join/JoinView";
import { LogCard } from "@/components/log/LogLab";
import { PipelineDiagram } from "@/components/pipeline/PipelineDiagram";
import { SettingsForm } from "@/components/settings/SettingsForm";
import { TopicViewer } from "@/components/topics/TopicViewer";
import { TransformChart } from "./TransformChart";

/** The live part of the lab a lesson explains, shown beside it. */
export function LiveElement({ target }: { target: LessonTarget }) {
  switch (target.kind) {
    case "broker":
      return <BrokerCard />;
    case "pipeline":
      return <PipelineDiagram />;
    case "settings":
      return (
        <div className="grid gap-4">
          <PipelineDiagram />
          <div className="max-w-md">
            <SettingsForm />
          </div>
        </div>
      );
    case "topic":
      return <TopicViewer topic={target.topic} navigate={false} compact />;
    case "transform":
      return (
        <div className="grid gap-4">
          <TransformChart />
          <TopicViewer topic="A_output" navigate={false} compact />
        </div>
      );
    case "experiment":
      return <ExperimentById id={target.experiment} />;
    case "aggregate":
      return <AggregateView compact />;
    case "log":
      return <LogCard part={target.part} />;
    case "cluster":
      return (
        <div className="grid gap-4">
          <ClusterPanel compact />
          {target.pipeline && <PipelineDiagram />}
        </div>
      );
    case "join":
      return (
        <div className="grid gap-4">
          <JoinView compact />
          <div className="max-w-md">
            <SettingsForm />
          </div>
        </div>
      );
  }
}
