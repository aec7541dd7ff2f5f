import { Datasets } from "@/components/datasets/Datasets";

export default function DatasetsPage() {
  return <Datasets />;
}
