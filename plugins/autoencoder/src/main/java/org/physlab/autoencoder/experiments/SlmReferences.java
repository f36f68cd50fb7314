package org.physlab.autoencoder.experiments;

import org.physlab.api.ExperimentDescriptor;

/** The papers behind the SLM data: the line-bundle database, the geometry, and the talk. */
public final class SlmReferences {

    private SlmReferences() { }

    /** Adds the SLM references to a descriptor under construction. */
    public static ExperimentDescriptor.Builder cite(ExperimentDescriptor.Builder b) {
        return b.reference("R. Schneider, String Theory meets Machine Learning, session 4: (Variational) Autoencoder, "
                        + "Uppsala University, Nov 2020", "https://github.com/robin-schneider/STmML")
                .reference("L. B. Anderson, A. Constantin, J. Gray, A. Lukas, E. Palti, A comprehensive scan for heterotic SU(5) "
                        + "GUT models, JHEP 01 (2014) 047", "https://arxiv.org/abs/1307.4787")
                .reference("L. B. Anderson, J. Gray, A. Lukas, E. Palti, Two hundred heterotic standard models on smooth "
                        + "Calabi-Yau threefolds, Phys. Rev. D 84 (2011) 106005", "https://arxiv.org/abs/1106.4804")
                .reference("L. B. Anderson, J. Gray, A. Lukas, E. Palti, Heterotic line bundle standard models, "
                        + "JHEP 06 (2012) 113", "https://arxiv.org/abs/1202.1757")
                .reference("M. Larfors, R. Schneider, Explore and exploit with heterotic line bundle models, "
                        + "Fortsch. Phys. 68 (2020) 2000034", "https://arxiv.org/abs/2003.04817")
                .reference("R. Deen, Y.-H. He, S.-J. Lee, A. Lukas, Machine learning string standard models, "
                        + "Phys. Rev. D 105 (2022) 046001", "https://arxiv.org/abs/2003.13339")
                .reference("T. Hübsch, Calabi-Yau Manifolds: A Bestiary for Physicists, World Scientific (1992); "
                        + "P. Candelas, A. M. Dale, C. A. Lütken, R. Schimmrigk, Complete intersection Calabi-Yau manifolds, "
                        + "Nucl. Phys. B 298 (1988) 493", "https://doi.org/10.1016/0550-3213(88)90352-5");
    }
}
