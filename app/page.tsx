import { BrokerCard } from "@/components/broker/BrokerCard";
import { PipelineDiagram } from "@/components/pipeline/PipelineDiagram";
import { SettingsForm } from "@/components/settings/SettingsForm";

export default function PipelinePage() {
  return (
    <div className="grid gap-5 xl:grid-cols-[1fr_300px]">
      <PipelineDiagram />
      <div className="grid content-start gap-5 md:grid-cols-2 xl:grid-cols-1">
        <BrokerCard />
        <SettingsForm />
      </div>
    </div>
  );
}
