import { BrokerCard } from "@/components/broker/BrokerCard";
import { BacklogWarning } from "@/components/pipeline/BacklogWarning";
import { PipelineDiagram } from "@/components/pipeline/PipelineDiagram";
import { ResumeNotice } from "@/components/pipeline/ResumeNotice";
import { ResetLab } from "@/components/pipeline/ResetLab";
import { SettingsForm } from "@/components/settings/SettingsForm";

export default function PipelinePage() {
  return (
    <div className="grid gap-5 2xl:grid-cols-[minmax(0,1fr)_320px]">
      <div className="min-w-0">
        <BacklogWarning />
        <ResumeNotice />
        <PipelineDiagram heading="h1" />
      </div>
      <div className="grid min-w-0 content-start gap-5 md:grid-cols-2 2xl:grid-cols-1">
        <BrokerCard />
        <SettingsForm />
        <ResetLab />
      </div>
    </div>
  );
}
