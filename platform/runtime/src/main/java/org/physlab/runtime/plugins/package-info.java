/**
 * The plugin host: an embedded Apache Felix that hot-loads one bundle per scientific domain from the
 * plugin folders, and the {@link org.physlab.runtime.plugins.ExperimentCatalog} of the experiments
 * the started plugins offer. {@link org.physlab.runtime.plugins.PluginHost} is the entry point.
 */
package org.physlab.runtime.plugins;
