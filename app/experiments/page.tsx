import { Experiments } from "@/components/experiments/Experiments";

export default function ExperimentsPage() {
  return <Experiments />;
}
