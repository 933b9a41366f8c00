import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { Link } from '../../../lib/router';
import { useQuery } from '../../../lib/useQuery';
import { lifecycleApi } from '../api';
import { useLt } from '../text';

const SHOWN = new Set(['EXPERIMENT', 'ETHICS', 'ROLLOUT_PLANNING', 'ROLLOUT', 'PRODUCTION', 'STOPPED']);

/** Managers: the projects past their selection, each with its experiment and rollout. */
export function ExperimentsPage() {
  const lt = useLt();
  const projects = useQuery('projects', (s) => lifecycleApi.projects(s));
  const rows = (projects.data ?? []).filter((p) => SHOWN.has(p.stage) && (p.useCaseKey || p.stage === 'EXPERIMENT'));
  return (
    <>
      <PageTitle title={lt('experiments.title')}>{lt('experiments.title')}</PageTitle>
      {projects.loading ? <Loading /> : null}
      <ErrorMessage error={projects.error} onRetry={projects.reload} />
      {projects.data && rows.length === 0 ? <p>{lt('experiments.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{lt('experiments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{lt('portfolio.col.project')}</th>
                <th scope="col">{lt('portfolio.filter.stage')}</th>
                <th scope="col">{lt('experiment.rollout')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <th scope="row"><Link to={`/experiments/${p.id}`}>n° {p.id} — {p.title}</Link></th>
                  <td>{lt(`stage.${p.stage}`)}</td>
                  <td><Link to={`/experiments/${p.id}/rollout`}>{lt('experiment.rollout')}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
