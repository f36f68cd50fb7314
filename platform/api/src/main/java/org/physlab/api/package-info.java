/**
 * The Physlab plugin API: everything a plugin author needs, in one package.
 *
 * <p>A plugin is an OSGi bundle that lists its {@link org.physlab.api.Experiment} classes in
 * {@code META-INF/services/org.physlab.api.Experiment} (the {@link java.util.ServiceLoader}
 * convention). The platform instantiates each listed class with its public no-argument
 * constructor when the bundle starts, and forgets it when the bundle stops.
 *
 * <p>An experiment describes itself ({@link org.physlab.api.ExperimentDescriptor}: id, title,
 * references and a typed {@link org.physlab.api.ParameterSchema}) and runs against a
 * {@link org.physlab.api.RunContext}, which hands it validated parameters, a seeded random
 * generator of its own, the shared {@link org.physlab.api.ComputeService}, and ways to report
 * progress, metrics, {@link org.physlab.api.Artifact artifacts} and log lines. It returns a
 * {@link org.physlab.api.Summary} of headline metrics.
 *
 * <p>The package follows OSGi semantic versioning: a change that breaks plugins bumps the
 * major version, an addition the minor version.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.physlab.api;
