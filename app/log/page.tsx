import { LogLab } from "@/components/log/LogLab";

export default function LogPage() {
  return <LogLab />;
}
