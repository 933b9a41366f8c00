import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../../components/Loading';

/**
 * The quality loop's screens load on demand, in a chunk of their own: the initial JavaScript (the task
 * list's first paint) stays what it was. `load` imports a module of this feature and picks the component.
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function OnDemand(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return OnDemand;
}
