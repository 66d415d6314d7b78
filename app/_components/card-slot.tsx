import { Suspense } from "react";
import { CardSkeleton } from "./card";
import { CardErrorBoundary } from "./card-error";

/** Where an async card goes: its own loading state and its own error boundary. */
export function CardSlot({
  title,
  height,
  children,
}: {
  title: string;
  height?: number;
  children: React.ReactNode;
}) {
  return (
    <CardErrorBoundary title={title}>
      <Suspense fallback={<CardSkeleton title={title} height={height} />}>{children}</Suspense>
    </CardErrorBoundary>
  );
}
